using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CountryNameKm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameKm",
                table: "Countries",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NameKm",
                table: "Countries");
        }
    }
}
