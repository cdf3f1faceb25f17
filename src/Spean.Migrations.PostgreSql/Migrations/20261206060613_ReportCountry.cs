using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReportCountry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "AdminUnitCode",
                table: "Reports",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AddColumn<string>(
                name: "CountryIso3",
                table: "Reports",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_CountryIso3",
                table: "Reports",
                column: "CountryIso3");

            migrationBuilder.AddForeignKey(
                name: "FK_Reports_Countries_CountryIso3",
                table: "Reports",
                column: "CountryIso3",
                principalTable: "Countries",
                principalColumn: "Iso3",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Reports_Countries_CountryIso3",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_CountryIso3",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "CountryIso3",
                table: "Reports");

            migrationBuilder.AlterColumn<string>(
                name: "AdminUnitCode",
                table: "Reports",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8,
                oldNullable: true);
        }
    }
}
