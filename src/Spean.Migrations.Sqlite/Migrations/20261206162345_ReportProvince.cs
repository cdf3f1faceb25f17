using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportProvince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Counts",
                table: "Reports");

            migrationBuilder.AddColumn<string>(
                name: "Province",
                table: "Reports",
                type: "TEXT",
                maxLength: 3,
                nullable: true,
                computedColumnSql: "COALESCE(\"CountryIso3\", substr(\"AdminUnitCode\", 1, 2))",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Counts",
                table: "Reports",
                columns: new[] { "Category", "Status", "Confidentiality", "Province", "OrganisationId", "AuthorId", "CountryIso3", "AdminUnitCode", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Counts",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "Province",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Counts",
                table: "Reports",
                columns: new[] { "Category", "Status", "Confidentiality", "OrganisationId", "AuthorId", "CountryIso3", "AdminUnitCode", "Id" });
        }
    }
}
